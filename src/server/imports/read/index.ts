/**
 * Reading an import (#14): the file's rows under their columns, cell values parsed with problems in Thai and English,
 * place names matched to org units, and the XLSX template. No routes and no writes: the importers use these.
 */
export type { ImportColumn, ImportProblem, ImportRow } from './columns';
export { parseDateText } from './dates';
export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, readImportFile } from './file';
export { matchName, type NamedRecord, type NameIndex, type NameMatch, nameIndexOf } from './names';
export {
  loadPlaceIndex,
  matchPlace,
  matchPlaces,
  type PlaceIndex,
  type PlaceMatch,
  type PlaceSuggestion,
  placeIndexOf,
} from './places';
export { importTemplate } from './template';
export {
  type Parsed,
  parseBahtText,
  parseCitizenIdText,
  parseIntegerText,
  parsePhoneText,
  type ValueProblem,
} from './values';
