/**
 * A whole runnable Alembic project for a Retort project (`retort export alembic DIR`):
 * `alembic.ini`, `env.py` (the URL from `DATABASE_URL`), Alembic's stock `script.py.mako`,
 * `models.py` (the SQLAlchemy models) and `versions/<id>_<slug>.py` per revision, with the
 * same ids and chain, so Alembic can carry on a database Retort migrated and the other way round.
 */
import type { Design } from '@retort/core';
import { docstringText, pythonString } from '../python';
import { emitSqlalchemy } from '../sqlalchemy';
import { type AlembicRevisionSource, alembicRevisionFile } from './revision-file';

export interface AlembicProjectInput {
  name: string;
  design: Design;
  /** Oldest first, each the parent of the next. */
  revisions: readonly AlembicRevisionSource[];
}

const ALEMBIC_INI = `# Alembic configuration written by Retort. The database URL is not kept here:
# env.py reads it from the DATABASE_URL environment variable.

[alembic]
script_location = %(here)s
file_template = %%(rev)s_%%(slug)s
truncate_slug_length = 40

[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console
qualname =

[logger_sqlalchemy]
level = WARN
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = INFO
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
datefmt = %H:%M:%S
`;

function envPy(name: string): string {
  const missingUrl = pythonString(
    `Set DATABASE_URL to the database to migrate, e.g. postgresql://user@localhost/${name}`,
    '"',
  );
  return `"""Alembic environment of ${docstringText(name)}, written by Retort.

The database URL comes from the DATABASE_URL environment variable; a postgres:// or
postgresql:// URL is used through psycopg2.
"""
import os
import sys
from logging.config import fileConfig

from alembic import context
from sqlalchemy import engine_from_config, pool

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from models import Base  # noqa: E402

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = Base.metadata


def database_url() -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        raise SystemExit(${missingUrl})
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg2://" + url[len(prefix):]
    return url


def run_migrations_offline() -> None:
    context.configure(
        url=database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    configuration = config.get_section(config.config_ini_section) or {}
    configuration["sqlalchemy.url"] = database_url()
    connectable = engine_from_config(configuration, prefix="sqlalchemy.", poolclass=pool.NullPool)
    with connectable.connect() as connection:
        # A changed column type is a change; Alembic before 1.12 does not compare types by default.
        context.configure(connection=connection, target_metadata=target_metadata, compare_type=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
`;
}

/** Alembic's own generic template, for revisions written with \`alembic revision\` later. */
const SCRIPT_MAKO = `"""\${message}

Revision ID: \${up_revision}
Revises: \${down_revision | comma,n}
Create Date: \${create_date}

"""
from alembic import op
import sqlalchemy as sa
\${imports if imports else ""}

# revision identifiers, used by Alembic.
revision = \${repr(up_revision)}
down_revision = \${repr(down_revision)}
branch_labels = \${repr(branch_labels)}
depends_on = \${repr(depends_on)}


def upgrade() -> None:
    \${upgrades if upgrades else "pass"}


def downgrade() -> None:
    \${downgrades if downgrades else "pass"}
`;

function readme(name: string, count: number): string {
  return `# ${name}: Alembic project

Written by Retort (\`retort export alembic\`) from the project's ${count} revision${count === 1 ? '' : 's'}.
The revision ids and their chain are Retort's own, so a database migrated by either tool
can be carried on by the other (both record the current revision in \`alembic_version\`).

    export DATABASE_URL=postgresql://user@localhost/${name}
    python3 -m alembic upgrade head
    python3 -m alembic downgrade -1

\`models.py\` holds the SQLAlchemy models of the current design.
`;
}

export function alembicProjectFiles(input: AlembicProjectInput): Record<string, string> {
  const files: Record<string, string> = {
    'alembic.ini': ALEMBIC_INI,
    'env.py': envPy(input.name),
    'script.py.mako': SCRIPT_MAKO,
    'models.py': emitSqlalchemy(input.design),
    README: readme(input.name, input.revisions.length),
  };
  let before: Design | null = null;
  for (const revision of input.revisions) {
    const file = alembicRevisionFile(revision, before);
    files[file.path] = file.text;
    before = revision.schema;
  }
  return files;
}
