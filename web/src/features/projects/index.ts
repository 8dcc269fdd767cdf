export { ProjectDetail } from './ProjectDetail';
export { ProjectForm } from './ProjectForm';
export { ProjectList } from './ProjectList';
