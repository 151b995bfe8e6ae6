// What the status line says about a container operation: while it runs, when it succeeds, when it fails.
import type {ContainerOp} from './model.js';

const verbs: Readonly<Record<ContainerOp['kind'], readonly [string, string]>> = {
	start: ['Starting', 'Started'],
	stop: ['Stopping', 'Stopped'],
	restart: ['Restarting', 'Restarted'],
	pause: ['Pausing', 'Paused'],
	unpause: ['Unpausing', 'Unpaused'],
	kill: ['Killing', 'Killed'],
	remove: ['Removing', 'Removed'],
	rename: ['Renaming', 'Renamed'],
};

/** A kill with a signal other than the default SIGKILL is a signal sent, not a kill. */
const sendsSignal = (op: ContainerOp): boolean => op.kind === 'kill' && op.signal !== undefined && op.signal !== 'SIGKILL';

export function opProgress(op: ContainerOp): string {
	if (op.kind === 'rename') return `Renaming ${op.name} to ${op.newName ?? ''}…`;
	if (sendsSignal(op)) return `Sending ${op.signal} to ${op.name}…`;
	if (op.kind === 'stop' && op.timeout !== undefined) return `Stopping ${op.name} (SIGKILL after ${op.timeout} s)…`;
	if (op.kind === 'remove' && op.volumes) return `Removing ${op.name} and its anonymous volumes${op.force ? ' (forced)' : ''}…`;
	return `${verbs[op.kind][0]} ${op.name}${op.force ? ' (forced)' : ''}…`;
}

export function opSuccess(op: ContainerOp): string {
	if (op.kind === 'rename') return `Renamed ${op.name} to ${op.newName ?? ''}`;
	if (sendsSignal(op)) return `Sent ${op.signal} to ${op.name}`;
	if (op.kind === 'remove' && op.volumes) return `Removed ${op.name} and its anonymous volumes`;
	return `${verbs[op.kind][1]} ${op.name}`;
}

/** A failure in the daemon's own words; "not modified" answers read as what they mean. */
export function opFailure(op: ContainerOp, error: {readonly kind: string; readonly message: string}): string {
	if (error.kind === 'not-modified') {
		if (op.kind === 'start') return `${op.name} is already running`;
		if (op.kind === 'stop') return `${op.name} is already stopped`;
	}

	// "Starting web… timed out after 10 s: the engine is not answering": the operation may still happen later.
	if (error.kind === 'timeout') return `${opProgress(op)} ${error.message}`;
	const verb = op.kind === 'remove' && op.force ? 'force-remove' : op.kind;
	return `Could not ${verb} ${op.name}: ${error.message}`;
}
