/** SQLAlchemy 2.0 models (`DeclarativeBase`, `Mapped[...]`, `mapped_column`, `relationship`) from a design. */
export { emitSqlalchemy2 } from './emit';
