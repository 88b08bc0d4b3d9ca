#!/usr/bin/env node
// Runs the TypeScript sources directly: Retort's packages ship as source, compiled on load by tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
