// The dialogs of cleanup and bulk actions (kept apart from ui.ts's own), and the requests they send to the session.
import type {PruneChoices, PruneOutcome, PrunePreview, PruneSnapshot} from './prune.js';

export type {BulkOp, BulkOutcome, BulkTarget, ResourceTarget} from './resource-types.js';
import type {BulkOp, BulkOutcome, BulkTarget, ResourceTarget} from './resource-types.js';
import {isLive} from '../core/model.js';

export type PrunePhase = 'loading' | 'ready' | 'checking' | 'running' | 'done';

export type ResourceDialog =
	| {
			readonly kind: 'bulkConfirm';
			readonly op: BulkOp;
			readonly targets: readonly BulkTarget[];
			/** The compose project or stack whose row asked, when it was not the marks. */
			readonly group?: string;
	  }
	| {
			readonly kind: 'bulkResult';
			readonly op: BulkOp;
			readonly force: boolean;
			readonly targets: readonly BulkTarget[];
			readonly outcomes: readonly BulkOutcome[];
	  }
	| {readonly kind: 'removeResource'; readonly target: ResourceTarget}
	| {
			readonly kind: 'prune';
			readonly phase: PrunePhase;
			readonly choices: PruneChoices;
			readonly snapshot?: PruneSnapshot;
			/** The preview the person is looking at (and will confirm). */
			readonly preview?: PrunePreview;
			/** Why the preview was replaced (state changed), or why it could not be read. */
			readonly note?: string;
			readonly outcomes?: readonly PruneOutcome[];
			readonly reclaimed?: number;
	  };

export const resourceDialogKinds: ReadonlySet<string> = new Set(['bulkConfirm', 'bulkResult', 'removeResource', 'prune']);

export const isResourceDialog = (dialog: {readonly kind: string} | undefined): dialog is ResourceDialog =>
	dialog !== undefined && resourceDialogKinds.has(dialog.kind);

export type ResourceRequest =
	/** Start following images, volumes and networks (on first leaving the containers pane, or opening prune). */
	| {readonly kind: 'watch'}
	| {readonly kind: 'bulk'; readonly op: BulkOp; readonly targets: readonly BulkTarget[]; readonly force: boolean}
	| {readonly kind: 'remove'; readonly target: ResourceTarget; readonly force: boolean}
	| {readonly kind: 'prunePreview'}
	| {readonly kind: 'pruneConfirm'};

const bulkVerbs: Readonly<Record<BulkOp, readonly [string, string]>> = {
	start: ['start', 'started'],
	stop: ['stop', 'stopped'],
	restart: ['restart', 'restarted'],
	pause: ['pause', 'paused'],
	unpause: ['unpause', 'unpaused'],
	kill: ['kill', 'killed'],
	remove: ['remove', 'removed'],
};

export const bulkVerb = (op: BulkOp, done = false): string => bulkVerbs[op][done ? 1 : 0];

/** Whose containers a bulk action acts on: "3 marked containers", or "the 3 containers of project shop". */
export const bulkSubject = (targets: readonly BulkTarget[], group?: string): string =>
	group === undefined ? `${targets.length} marked containers` : `the ${targets.length} containers of ${group}`;

/** The bulk confirmation's question, with what the engine will do to the marked containers. */
export function bulkQuestion(op: BulkOp, targets: readonly BulkTarget[], group?: string): string {
	const count = bulkSubject(targets, group);
	const running = targets.filter((target) => isLive(target.state)).length;
	switch (op) {
		case 'kill':
			return `Kill ${count} with SIGKILL? They get no chance to shut down cleanly.`;
		case 'remove':
			return `Remove ${count}? Their volumes are kept.${running > 0 ? ` ${running} running: the engine refuses those unless forced.` : ''}`;
		default: {
			const verb = bulkVerb(op);
			return `${verb.charAt(0).toUpperCase()}${verb.slice(1)} ${count}?`;
		}
	}
}

/** The status line after a bulk action: what succeeded, and what failed and why. */
export function bulkSummary(op: BulkOp, outcomes: readonly BulkOutcome[]): string {
	const ok = outcomes.filter((outcome) => outcome.ok);
	const failed = outcomes.filter((outcome) => !outcome.ok);
	const parts = [`${bulkVerb(op, true)} ${ok.length} of ${outcomes.length}`];
	if (ok.length > 0) parts[0] += ` (${ok.map((outcome) => outcome.name).join(', ')})`;
	if (failed.length > 0)
		parts.push(`failed: ${failed.map((outcome) => `${outcome.name}: ${outcome.error ?? 'unknown error'}`).join('; ')}`);
	const text = parts.join(' · ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What the engine will say to removing the target without force, when it refuses: an image's last tag while
 * containers use it, a volume they mount, a network they are attached to. Removing one of several tags of an
 * image is an untag, which the engine does whoever uses the image.
 */
export function removalRefusal(target: ResourceTarget): string | undefined {
	if (target.usedBy.length === 0) return undefined;
	const users = target.usedBy.join(', ');
	switch (target.pane) {
		case 'images':
			if ((target.otherTags ?? 0) > 0) return undefined;
			return `In use by ${users}: the engine refuses without force; force removes the tag and leaves those containers on the image id.`;
		case 'volumes':
			return `Mounted by ${users}: the engine refuses to remove a volume in use.`;
		case 'networks':
			return `${users} attached: the engine refuses to remove a network with containers attached.`;
	}
}

/** What removing the target does beyond the obvious, to say in the dialog: an untag keeps the image. */
export function removalNote(target: ResourceTarget): string | undefined {
	const others = target.otherTags ?? 0;
	if (target.pane !== 'images' || others === 0) return undefined;
	return `Only this tag goes: the image keeps its ${others === 1 ? 'other tag' : `${others} other tags`}${
		target.usedBy.length > 0 ? ` and stays in use by ${target.usedBy.join(', ')}` : ''
	}.`;
}
