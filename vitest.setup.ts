/** Every test file runs with Postgres' SQL parser loaded, as every Retort entry point does. */
import { loadExpressionParser } from '@retort/core';

await loadExpressionParser();
