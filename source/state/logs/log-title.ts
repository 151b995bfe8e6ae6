// The logs pane's title line in words: what it follows, whether it follows, and what the person should know.
import type {AppState} from '../core/app.js';
import type {KeyMap} from '../input/keymap.js';
import {keyHint} from '../input/key-text.js';
import {splitRowKey} from '../core/engines.js';
import {logMatcher} from './log-view.js';
import {gapSeqs, matchPosition, searchPending} from './log-view.js';
import {describeWindow} from './log-window.js';
import {targetName} from './log-prefix.js';
import {swarmLogTarget} from './swarm-log-lines.js';

export type TitlePart = {readonly text: string; readonly tone?: 'warn' | 'error' | 'info' | 'ok'};

const colours = ['cyan', 'green', 'yellow', 'magenta', 'blue', 'cyanBright', 'greenBright', 'magentaBright'] as const;

/** The same container always gets the same colour: a hash of its name picks it. */
export function containerColour(name: string): (typeof colours)[number] {
	let hash = 0;
	for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
	return colours[hash % colours.length]!;
}

/** Why the engine a target's stream goes to is not connected; undefined while it is. */
function lostEngine(state: AppState, id: string): string | undefined {
	const {engine} = state;
	if (engine.engines) {
		const entry = engine.engines.find((candidate) => candidate.key === (splitRowKey(id).engine ?? engine.engines![0]!.key));
		return entry && entry.connection !== 'connected' ? (entry.error ?? 'the engine is not answering') : undefined;
	}

	return engine.connection === 'disconnected' ? (engine.error ?? 'the engine is not answering') : undefined;
}

export function logTitle(state: AppState, keys: KeyMap): TitlePart[] {
	const {logs, containers} = state;
	const names = logs.targets.map((id) => targetName(state, id));
	const subject = logs.project === undefined ? names.join(', ') : `project ${logs.project} (${names.length})`;
	const parts: TitlePart[] = [{text: `Logs: ${subject || 'nothing selected'}`}];
	for (const id of logs.targets) {
		const name = targetName(state, id);
		const status = logs.streams[id];
		const prefix = logs.targets.length > 1 ? `${name}: ` : '';
		const swarm = swarmLogTarget(id);
		const gone = swarm ? status?.kind === 'removed' : !containers.byId[id] || status?.kind === 'removed';
		if (gone) parts.push({text: `${prefix}${swarm?.kind ?? 'container'} removed`, tone: 'error'});
		else if (swarm && status?.kind === 'stopped') parts.push({text: `${prefix}stream ended`, tone: 'warn'});
		else if (status?.kind === 'error') parts.push({text: `${prefix}${status.message}`, tone: 'error'});
		else if (status?.kind === 'stopped') parts.push({text: `${prefix}stopped — reattaches when it starts`, tone: 'warn'});
		else if (status?.kind === 'connecting' || status === undefined) {
			// A stream cannot open while its engine is lost: say why, not "connecting…" until it is back.
			const lost = lostEngine(state, id);
			parts.push(lost === undefined ? {text: `${prefix}connecting…`, tone: 'info'} : {text: `${prefix}${lost}`, tone: 'error'});
		}
	}

	parts.push(
		logs.follow
			? {text: 'following', tone: 'ok'}
			: {
					text: `paused — ${logs.newWhilePaused} new line${logs.newWhilePaused === 1 ? '' : 's'} (${keyHint(keys, 'bottom', 'logs')} resumes)`,
					tone: 'warn',
				},
	);
	const gaps = gapSeqs(logs).length;
	if (gaps > 0)
		parts.push({text: `${gaps} gap${gaps === 1 ? '' : 's'} (${keyHint(keys, 'logFetch', 'logs')} fetches)`, tone: 'warn'});
	const matcher = logMatcher(logs);
	if (matcher && !matcher.ok) {
		parts.push({text: matcher.error, tone: matcher.pending ? 'info' : 'error'});
	} else if (matcher) {
		const {index, total} = matchPosition(logs);
		const label = `${logs.regex ? 're' : ''}/${logs.search}`;
		const searching = searchPending(logs) > 0;
		parts.push({
			text: `${label} ${index}/${total}${searching ? '…' : ''}${logs.filterMode ? ' · filter' : ''}`,
			tone: total === 0 && !searching ? 'warn' : 'info',
		});
	} else if (logs.regex) {
		parts.push({text: 'regex'});
	}

	parts.push({text: describeWindow(logs.window)});
	return parts;
}
