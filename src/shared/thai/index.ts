export * from './baht-text';
export * from './baht-words-en';
export * from './calendar';
export * from './citizen-id';
export * from './digits';
export * from './money';
export * from './search';
