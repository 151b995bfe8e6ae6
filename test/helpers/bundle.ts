// Bundles a few lines of module code with esbuild, as the shipped build would (optionally with its plugins),
// into a file under `folder`, and imports it: how tests and benches compare a dependency patched at bundle
// time with the same dependency unpatched.
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build, type BuildOptions, type Plugin} from 'esbuild';

/** The project's root, against which `contents` resolves its imports. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Options for a bundle that holds React and Ink, as dist/ is built. */
export const asShipped: BuildOptions = {
	define: {'process.env.NODE_ENV': '"production"'},
	alias: {'react-devtools-core': path.join(projectRoot, 'scripts/devtools-stub.mjs')},
	banner: {js: "import {createRequire} from 'node:module';const require=createRequire(import.meta.url);"},
};

export async function bundleAndImport<T>(
	folder: string,
	name: string,
	contents: string,
	plugins: Plugin[] = [],
	options: BuildOptions = {},
): Promise<T> {
	const file = path.join(folder, `${name}.mjs`);
	await build({
		stdin: {contents, resolveDir: projectRoot, loader: 'js'},
		bundle: true,
		format: 'esm',
		platform: 'node',
		outfile: file,
		plugins,
		logLevel: 'silent',
		...options,
	});
	return (await import(pathToFileURL(file).href)) as T;
}
