// Injected into the single-executable bundle (scripts/build-sea.mjs) as what import.meta.url reads.
import {pathToFileURL} from 'node:url';

export const importMetaUrl = pathToFileURL(process.execPath).href;
