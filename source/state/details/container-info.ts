// What the details tabs show about one container, once the engine's answers are read: readable inspect
// sections, environment (with secrets masked), ports, mounts, processes and filesystem changes.
import {maskEnvValue, maskSectionValue} from './secrets.js';

export type InfoSection = {readonly title: string; readonly rows: ReadonlyArray<readonly [string, string]>};

export type EnvVar = {readonly key: string; readonly value: string};

export type PortRow = {
	/** "80/tcp". */
	readonly container: string;
	/** "0.0.0.0:8080", or undefined when the port is exposed but not published. */
	readonly host?: string;
};

export type MountRow = {
	readonly type: string;
	readonly source: string;
	readonly destination: string;
	/** "rw" or "ro", plus the mode the engine reports (z, Z…). */
	readonly mode: string;
};

export type ContainerInfo = {
	readonly id: string;
	readonly name: string;
	readonly running: boolean;
	/** When the run this answer describes started (epoch ms); undefined if it never started. */
	readonly startedAt?: number;
	readonly tty: boolean;
	/** Whether the main process has a stdin to attach to. */
	readonly openStdin: boolean;
	readonly sections: readonly InfoSection[];
	readonly env: readonly EnvVar[];
	readonly ports: readonly PortRow[];
	readonly mounts: readonly MountRow[];
	/** The whole inspect answer, pretty-printed, for the raw view. */
	readonly raw: string;
	/** The same with secrets masked (secrets.ts), shown until the reveal key. */
	readonly rawMasked: string;
};

export type TopTable = {readonly titles: readonly string[]; readonly processes: ReadonlyArray<readonly string[]>};

/** /containers/{id}/changes kinds, as `docker diff` prints them. */
export type ChangeKind = 'A' | 'C' | 'D';

export type Change = {readonly kind: ChangeKind; readonly path: string};

const changeKinds: Readonly<Record<number, ChangeKind>> = {0: 'C', 1: 'A', 2: 'D'};

/** The engine's numeric kind (0 modified, 1 added, 2 deleted) as a letter; unknown kinds read as changed. */
export const changeKind = (kind: number): ChangeKind => changeKinds[kind] ?? 'C';

export {looksSecret, maskedValue} from './secrets.js';

export function envLine(variable: EnvVar, revealed: boolean): string {
	return `${variable.key}=${revealed ? variable.value : maskEnvValue(variable.key, variable.value)}`;
}

export const parseEnv = (entries: readonly string[]): EnvVar[] =>
	entries.map((entry) => {
		const at = entry.indexOf('=');
		return at < 0 ? {key: entry, value: ''} : {key: entry.slice(0, at), value: entry.slice(at + 1)};
	});

/** Lays a table out as padded text lines, so it can scroll like any other tab. */
export function tableLines(titles: readonly string[], rows: ReadonlyArray<readonly string[]>, width: number): string[] {
	const widths = titles.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
	const line = (cells: readonly string[]) =>
		cells
			.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
			.join('  ')
			.slice(0, Math.max(1, width));
	return [line(titles), ...rows.map(line)];
}

/** What the copy key takes from a line (its value, an address…), and how the status line names it. */
export type LineCopy = {readonly text: string; readonly what: string};

/** One line of a scrollable tab; `tone` colours it; `copy` is what the copy key takes (else the line). */
export type InfoLine = {
	readonly text: string;
	readonly tone?: 'heading' | 'dim' | 'added' | 'changed' | 'deleted' | 'masked';
	readonly copy?: LineCopy;
};

/** Inspect as sections or raw JSON; secrets (secrets.ts) stay masked in both until `revealed`. */
export function inspectLines(info: ContainerInfo, raw: boolean, revealed = false): InfoLine[] {
	if (raw) return (revealed ? info.raw : info.rawMasked).split('\n').map((text) => ({text}));
	const lines: InfoLine[] = [];
	for (const section of info.sections) {
		if (lines.length > 0) lines.push({text: ''});
		lines.push({text: section.title, tone: 'heading'});
		const width = Math.max(...section.rows.map(([key]) => key.length));
		for (const [key, value] of section.rows) {
			const shown = revealed ? value : maskSectionValue(section.title, key, value);
			lines.push({
				text: `  ${key.padEnd(width)}  ${shown}`,
				tone: shown === value ? undefined : 'masked',
				copy: {text: shown, what: key},
			});
		}
	}

	return lines;
}

export function envLines(env: readonly EnvVar[], revealed: boolean): InfoLine[] {
	if (env.length === 0) return [{text: 'No environment variables', tone: 'dim'}];
	return env.map((variable) => {
		const shown = revealed ? variable.value : maskEnvValue(variable.key, variable.value);
		return {
			text: `${variable.key}=${shown}`,
			tone: shown === variable.value ? undefined : 'masked',
			copy: {text: shown, what: `${variable.key}'s value${shown === variable.value ? '' : ' (masked)'}`},
		};
	});
}

const changeTones = {A: 'added', C: 'changed', D: 'deleted'} as const;

export function diffLines(changes: readonly Change[]): InfoLine[] {
	if (changes.length === 0) return [{text: 'No changes to the filesystem since the container was created', tone: 'dim'}];
	return changes.map((change) => ({text: `${change.kind} ${change.path}`, tone: changeTones[change.kind]}));
}

export function topLines(top: TopTable, width: number): InfoLine[] {
	if (top.processes.length === 0) return [{text: 'No processes', tone: 'dim'}];
	const [titles, ...rows] = tableLines(top.titles, top.processes, width);
	return [{text: titles ?? '', tone: 'heading'}, ...rows.map((text) => ({text}))];
}
