// The import page's words in English, merged into the dictionary by i18n.tsx.
// Every Vietnamese key has its English text, and no other key (checked by the compiler).
import type { importsVI } from './words.imports.vi';

export const importsEN: Record<keyof typeof importsVI, string> = {
  'nav.import': 'Import a file',
  'import.title': 'Import from a file',
  'import.kind': 'What to import',
  'import.kind.projects': 'Projects',
  'import.kind.organizations': 'Organizations',
  'import.kind.facilities': 'Rural industrial facilities',
  'import.kind.clusters': "Industrial clusters (provinces' reports)",
  'import.help':
    'A CSV or Excel file (.xlsx, .xls) with the columns of the "data" export layout. Every row is checked first; nothing is written until you confirm, and then all rows or none.',
  'import.choose': 'Choose a file',
  'import.checking': 'Checking {file}…',
  'import.checked': '{file} is valid: {rows} rows. Nothing has been written yet.',
  'import.confirm': 'Import {rows} rows',
  'import.done': 'Imported {rows} rows from {file}.',
  'import.open': 'Open the list',
  'import.problems':
    '{file} has {n} problems; nothing was written. Fix the file and choose it again.',
  'import.row': 'Row',
  'import.column': 'Column',
  'import.message': 'Problem',
  'import.notes': 'Converted on the way in',
  'import.again': 'Import another file',
};
