/** Bringing a schema in (SQL, DBML) and taking it out as text (DBML, Mermaid). */
export { ImportDialog } from './ImportDialog';
export { TextExportMenu } from './TextExportMenu';
