// A host path as the person typed it (./x, ../x, ~/x, /x), made absolute against dockpit's folder.
import os from 'node:os';
import path from 'node:path';

export function hostPath(typed: string, cwd: string, home = os.homedir()): string {
	if (typed === '~' || typed.startsWith('~/')) return path.join(home, typed.slice(1));
	return path.resolve(cwd, typed);
}
