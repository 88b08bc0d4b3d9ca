/** `retort models [DESIGN|PROJECT] --format F [--out FILE|DIR]` */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import {
  emitTypeormFiles,
  isModelFormat,
  MODEL_EMITTERS,
  MODEL_FORMAT_NAMES,
} from '@retort/codegen';
import { parseDesign, RetortError } from '@retort/core';
import { Command } from 'commander';
import { writeFileAtomic, writeFolder } from '../atomic-files';
import { type CommandContext, optionsOf } from '../command-context';
import { projectDir } from '../context';

async function kindOf(path: string): Promise<'file' | 'folder' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

async function readDesignText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RetortError(
      code === 'ENOENT' ? `There is no design file at ${path}.` : `Cannot read ${path} (${code}).`,
      code === 'ENOENT' ? 'not_found' : 'invalid_input',
    );
  }
}

export function modelsCommand(context: CommandContext): Command {
  return new Command('models')
    .description(
      'print the design as models (SQLAlchemy, SQL DDL, Drizzle, TypeORM, Kysely) or as DBML or a Mermaid erDiagram',
    )
    .argument('[design]', 'a design.json file or a project folder (default: --project)')
    .option('-f, --format <format>', `one of ${MODEL_FORMAT_NAMES.join(', ')}`, 'sqlalchemy')
    .option('-o, --out <path>', 'write to this file, or into this folder, instead of stdout')
    .action(async (input: string | undefined, _options, command: Command) => {
      const options = optionsOf<{ format: string; out?: string }>(command);
      const { io } = context;
      if (!isModelFormat(options.format)) {
        throw new RetortError(
          `Unknown format "${options.format}"; expected one of ${MODEL_FORMAT_NAMES.join(', ')}.`,
          'invalid_input',
        );
      }
      const format = options.format;
      let designPath = input ? resolve(io.cwd, input) : projectDir(options, io);
      if ((await kindOf(designPath)) === 'folder') designPath = join(designPath, 'design.json');
      const design = parseDesign(await readDesignText(designPath));

      if (options.out === undefined) {
        const code = MODEL_EMITTERS[format].emit(design);
        io.stdout(code.endsWith('\n') ? code : `${code}\n`);
        return;
      }
      const out = resolve(io.cwd, options.out);
      const toFolder =
        options.out.endsWith(sep) || options.out.endsWith('/') || (await kindOf(out)) === 'folder';
      if (toFolder && format === 'typeorm') {
        const files = emitTypeormFiles(design);
        await writeFolder(out, files, { force: true });
        io.stdout(`Wrote ${Object.keys(files).length} files to ${options.out}\n`);
        return;
      }
      const file = toFolder ? join(out, MODEL_EMITTERS[format].file) : out;
      await writeFileAtomic(file, MODEL_EMITTERS[format].emit(design));
      io.stdout(`Wrote ${file}\n`);
    });
}
