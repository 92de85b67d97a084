export * from './audit';
export * from './code-lists';
export * from './org-units';
export * from './pipeline';
export * from './users';
