// The two operations recorded per union, and the words the shop uses for them.

export const OPERATIONS = ['ARM', 'SOLD'] as const;
export type Operation = (typeof OPERATIONS)[number];

export const OPERATION_LABEL: Record<Operation, string> = { ARM: 'Armado', SOLD: 'Soldadura' };

/** Roles allowed to record each operation (design §3). */
export const ROLES_FOR: Record<Operation, readonly string[]> = {
  ARM: ['Armador', 'Ayudante'],
  SOLD: ['Soldador', 'Ayudante'],
};
