// What the organization and facility screens share: their API calls and their fields.
import { api } from '../../shared/api';
import type { Facility, Organization } from '../../shared/types';

export type PlaceKind = 'organizations' | 'facilities';
export type Place = Organization | Facility;

export const ORGANIZATION_KINDS = [
  'provincial_center',
  'department',
  'regional_center',
  'association',
  'institute_school',
  'enterprise',
  'ministry_unit',
  'other',
];
export const FACILITY_KINDS = [
  'small_enterprise',
  'medium_enterprise',
  'cooperative',
  'union_of_cooperatives',
  'cooperative_group',
  'household_business',
  'artisan',
];

export const PLACES = {
  organizations: {
    title: 'nav.organizations',
    one: 'organization',
    kinds: ORGANIZATION_KINDS,
    kindWord: 'orgKind',
    get: (id: number): Promise<Place> => api.organization(id),
    create: (p: Partial<Place>) => api.createOrganization(p as Partial<Organization>),
    update: (id: number, p: Partial<Place>) =>
      api.updateOrganization(id, p as Partial<Organization>),
  },
  facilities: {
    title: 'nav.facilities',
    one: 'facility',
    kinds: FACILITY_KINDS,
    kindWord: 'facilityKind',
    get: (id: number): Promise<Place> => api.facility(id),
    create: (p: Partial<Place>) => api.createFacility(p as Partial<Facility>),
    update: (id: number, p: Partial<Place>) => api.updateFacility(id, p as Partial<Facility>),
  },
} as const;
