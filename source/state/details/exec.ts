// Handing the terminal to a container: what was asked for (a shell, a command, an attach) and what the
// status line says when the dashboard comes back.

export type ExecRequest =
	| {readonly kind: 'shell'; readonly id: string; readonly name: string}
	| {readonly kind: 'command'; readonly id: string; readonly name: string; readonly command: string}
	/** `start`: the container is stopped; attach first, then start it (docker start -ai), so no output is missed. */
	| {readonly kind: 'attach'; readonly id: string; readonly name: string; readonly start?: boolean};

/** Docker's own detach sequence, passed as the attach's detachKeys and watched for locally too. */
export const detachKeys = 'ctrl-p,ctrl-q';
export const detachKeysText = 'Ctrl-P Ctrl-Q';

/**
 * The process to run: bash where the image has it, else sh, decided inside the container by sh itself
 * (an image with bash but no /bin/sh is rarer than one with neither, and this costs no extra round trip).
 */
export function execCommand(request: Exclude<ExecRequest, {kind: 'attach'}>): string[] {
	if (request.kind === 'command') return ['/bin/sh', '-c', request.command];
	return ['/bin/sh', '-c', 'if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi'];
}

export type ExecOutcome =
	| {readonly kind: 'exited'; readonly code: number | undefined}
	| {readonly kind: 'detached'}
	/** The container stopped (or was removed) while the session was open. */
	| {readonly kind: 'container-stopped'; readonly code: number | undefined}
	/** The engine stopped answering: nothing is known about the container, so nothing is said about it. */
	| {readonly kind: 'engine-lost'; readonly message: string}
	| {readonly kind: 'failed'; readonly message: string};

export type ExecStatus = {readonly text: string; readonly tone: 'info' | 'success' | 'error'};

/** The status line after the session, e.g. "exec exited (code 0)". */
export function execStatus(request: ExecRequest, outcome: ExecOutcome): ExecStatus {
	const what = request.kind === 'attach' ? 'attach' : 'exec';
	switch (outcome.kind) {
		case 'exited': {
			const code = outcome.code === undefined ? 'unknown' : String(outcome.code);
			return {text: `${what} exited (code ${code}) · ${request.name}`, tone: outcome.code === 0 ? 'success' : 'info'};
		}

		case 'detached':
			return {text: `Detached from ${request.name}; it is still running`, tone: 'success'};
		case 'container-stopped':
			return {
				text: `${what} ended: ${request.name} stopped${outcome.code === undefined ? '' : ` (code ${outcome.code})`}`,
				tone: 'info',
			};
		case 'engine-lost':
			return {text: `${what} ended: the engine stopped answering (${outcome.message}) · ${request.name}`, tone: 'error'};
		case 'failed':
			return {text: `Could not ${what} ${request.name}: ${outcome.message}`, tone: 'error'};
	}
}
