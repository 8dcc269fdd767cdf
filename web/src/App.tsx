import { Spin } from 'antd';
import { Route, Routes } from 'react-router-dom';
import { LoginPage } from './features/accounts/LoginPage';
import { UserAdmin } from './features/accounts/UserAdmin';
import { Overview } from './features/overview/Overview';
import { ComingSoon } from './features/placeholder/ComingSoon';
import { ProjectDetail, ProjectForm, ProjectList } from './features/projects';
import { ReferenceLists } from './features/reference/ReferenceLists';
import { FacilityList, OrganizationList, ProgramList } from './features/register/RegisterLists';
import { Layout } from './shared/Layout';
import { useSession } from './shared/session';

export function App() {
  const { session, loading } = useSession();
  if (loading) return <Spin style={{ display: 'block', marginTop: 200 }} />;
  if (!session) return <LoginPage />;
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Overview />} />
        <Route path="projects" element={<ProjectList />} />
        <Route path="projects/new" element={<ProjectForm />} />
        <Route path="projects/:id" element={<ProjectDetail />} />
        <Route path="projects/:id/edit" element={<ProjectForm />} />
        <Route path="programs" element={<ProgramList />} />
        <Route path="organizations" element={<OrganizationList />} />
        <Route path="facilities" element={<FacilityList />} />
        <Route path="reference" element={<ReferenceLists />} />
        <Route path="users" element={<UserAdmin />} />
        {['appraisal', 'plan', 'execution', 'reports', 'clusters', 'bulletin'].map((a) => (
          <Route key={a} path={a} element={<ComingSoon area={`nav.${a}`} />} />
        ))}
      </Route>
    </Routes>
  );
}
