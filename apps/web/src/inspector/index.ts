/** The inspector: forms for the selected table, column, foreign key or enum. */
export { Inspector, type InspectorProps } from './Inspector';
