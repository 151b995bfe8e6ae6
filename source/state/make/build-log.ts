// The build pane: the engine's build output as it streams (steps, output, errors), bounded, and how the
// build ended. It stays open after a failure so the engine's message can be read.

export type BuildLineTone = 'step' | 'output' | 'error' | 'info';

export type BuildLine = {readonly text: string; readonly tone: BuildLineTone};

export type BuildLogDialog = {
	readonly kind: 'buildLog';
	readonly title: string;
	readonly phase: 'running' | 'done' | 'failed';
	readonly lines: readonly BuildLine[];
};

export type BuildLogAction =
	| {readonly kind: 'lines'; readonly lines: readonly BuildLine[]}
	| {readonly kind: 'end'; readonly phase: 'done' | 'failed'; readonly line?: BuildLine};

/** Lines kept: a build's whole output is in the engine's cache and the person reads the tail. */
export const buildLogCap = 2000;

export function buildLogReducer(dialog: BuildLogDialog, action: BuildLogAction): BuildLogDialog {
	const add = (lines: readonly BuildLine[]) => [...dialog.lines, ...lines].slice(-buildLogCap);
	if (action.kind === 'lines') return action.lines.length === 0 ? dialog : {...dialog, lines: add(action.lines)};
	return {...dialog, phase: action.phase, lines: action.line ? add([action.line]) : dialog.lines};
}

/** One progress event of the build endpoint as lines: "Step 2/4 : COPY …" is a step, {error} an error. */
export function buildEventLines(event: {
	readonly stream?: string;
	readonly error?: string;
	readonly status?: string;
}): BuildLine[] {
	if (event.error !== undefined) return [{text: event.error.trim(), tone: 'error'}];
	const text = event.stream ?? event.status;
	if (text === undefined) return [];
	return text
		.split('\n')
		.map((part) => part.replace(/\r$/, ''))
		.filter((part) => part.trim() !== '')
		.map((part) => ({text: part, tone: /^Step \d+\/\d+ :/.test(part) ? 'step' : 'output'}));
}
