export * from './advances';
export * from './audit';
export * from './budget';
export * from './code-lists';
export * from './expenses';
export * from './org-units';
export * from './pipeline';
export * from './users';
