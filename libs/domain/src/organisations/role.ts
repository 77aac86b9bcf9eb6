export const ROLES = ['wijkcoach', 'facilitator', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export const ROLE_LABELS: Record<Role, string> = {
  wijkcoach: 'Wijkcoach',
  facilitator: 'Facilitator',
  manager: 'Manager',
  admin: 'Beheerder',
};
