import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { MAX_TEXT_BYTES, type ScenarioFiles } from '../scenario/files.js';
import { readFileBounded } from './bounded-read.js';

/** The disk, as the scenario layer reads it on the command line (the page passes files in memory). */
export const nodeFiles: ScenarioFiles = {
  read: (file, maxBytes) => readFileBounded(file, maxBytes ?? MAX_TEXT_BYTES),
  size: (file) => statSync(file).size,
  resolve: (...paths) => resolve(...paths),
  dirname,
  isAbsolute,
  relative,
  cwd: () => process.cwd(),
};
