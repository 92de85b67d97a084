export * from './audit';
export * from './org-units';
export * from './users';
