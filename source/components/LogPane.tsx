import {Box, Text} from 'ink';
import {useEffect, useMemo, useRef} from 'react';
import {useLogStream} from '../hooks/use-log-stream.js';
import {useSearchSteps} from '../hooks/use-search-steps.js';
import type {AppState} from '../state/core/app.js';
import {logMatcher, shownLines, spansDays} from '../state/logs/log-view.js';
import type {Range} from '../state/logs/log-search.js';
import {containerColour, logTitle, type TitlePart} from '../state/logs/log-title.js';
import type {KeyMap} from '../state/input/keymap.js';
import {hintText, keyHint} from '../state/input/key-text.js';
import type {Session} from '../session/session.js';
import {LineInput} from './LineInput.js';
import {LogRow} from './LogRow.js';
import {hasPrefix, linePrefix, originNames, targetName} from '../state/logs/log-prefix.js';
import {swarmLogTarget} from '../state/logs/swarm-log-lines.js';

type Props = {
	readonly state: AppState;
	readonly session: Session;
	/** Rows for the whole pane, title included. */
	readonly height: number;
	readonly width: number;
};

const noRanges: readonly Range[] = [];

/** Widest task@node prefix of a service's lines. */
const maxSwarmPrefix = 32;

/** The scope whose key opens (and focuses) the logs on this pane. */
const openScope = (pane: string) => (pane === 'services' || pane === 'tasks' ? pane : 'containers');

const tones = {warn: 'yellow', error: 'red', info: 'cyan', ok: 'green'} as const;
const promptLabels = {search: 'Search: ', save: 'Save to: ', window: 'Window: '} as const;
const promptHints = (keys: KeyMap) => ({
	search: hintText(keys, 'prompt', [
		['submit', 'jumps to the newest match'],
		['back', 'clears'],
	]),
	save: hintText(keys, 'prompt', [
		['submit', 'saves'],
		['back', 'cancels'],
	]),
	window: `lines (500), a duration (10m, 2h) or all · ${hintText(keys, 'prompt', [['submit', 'applies']])}`,
});

/** The live logs of the followed containers: a title with the stream's state, the lines, and its prompt. */
export function LogPane({state, session, height, width}: Props) {
	useLogStream(session, state);
	useSearchSteps(session, state.logs);
	const {logs, containers} = state;
	const bodyRows = Math.max(1, height - 1 - (logs.prompt ? 1 : 0));
	useEffect(() => {
		session.store.dispatch({type: 'logs/viewport', pageSize: bodyRows});
	}, [bodyRows, session]);

	const several = hasPrefix(logs);
	const swarm = logs.targets.some((target) => swarmLogTarget(target) !== undefined);
	const prefixOf = useMemo(() => linePrefix({containers, swarm: state.swarm}), [containers, state.swarm]);
	const dated = logs.timestamps && spansDays(logs.buffer);
	const widthFor = (nameWidth: number) =>
		Math.max(10, width - 1 - (several ? nameWidth + 3 : 0) - (logs.timestamps ? (dated ? 24 : 13) : 0));
	// A service's prefixes (task@node) are as wide as the widest on screen, up to a cap.
	let nameWidth = several && !swarm ? Math.min(16, Math.max(...logs.targets.map((id) => targetName(state, id).length))) : 0;
	let shown = shownLines(logs, bodyRows, widthFor(swarm ? maxSwarmPrefix : nameWidth));
	if (swarm) {
		nameWidth = Math.min(maxSwarmPrefix, Math.max(8, ...shown.map(({line}) => prefixOf(line).length)));
		if (logs.wrap) shown = shownLines(logs, bodyRows, widthFor(nameWidth));
	}

	const textWidth = widthFor(nameWidth);
	// A line from a task the panes do not list yet: read the tasks once for it, so its prefix names its slot.
	const asked = useRef(new Set<string>());
	const names = useMemo(() => originNames(state.swarm), [state.swarm]);
	const unknownTasks = swarm
		? [
				...new Set(
					shown.flatMap(({line}) => (line.origin && names.slot(line.origin.task) === undefined ? [line.origin.task] : [])),
				),
			].join(',')
		: '';
	useEffect(() => {
		const fresh = unknownTasks.split(',').filter((id) => id !== '' && !asked.current.has(id));
		if (fresh.length === 0) return;
		if (asked.current.size > 10_000) asked.current.clear();
		for (const id of fresh) asked.current.add(id);
		session.swarm.learnTasks();
	}, [unknownTasks, session]);
	const matcher = logMatcher(logs);
	// The same empty list for every line without a match, so a row that did not change is not drawn again.
	const rangesOf = (text: string) => {
		const ranges = matcher?.ok ? matcher.ranges(text) : noRanges;
		return ranges.length === 0 ? noRanges : ranges;
	};

	const title = logTitle(state, session.keys);
	const fetchKey = keyHint(session.keys, 'logFetch', 'logs');

	return (
		<Box flexDirection="column" height={height} width={width}>
			{/* The focused pane's title is highlighted; an unfocused one is dim and says how to focus it (issue 14, item 2). */}
			<Text wrap="truncate-end" bold={logs.focused} dimColor={!logs.focused}>
				{title.map((part: TitlePart, index) => (
					<Text
						key={index}
						inverse={logs.focused && index === 0}
						color={logs.focused && index === 0 ? 'cyan' : part.tone ? tones[part.tone] : undefined}
					>
						{index > 0 ? ' · ' : ''}
						{part.text}
					</Text>
				))}
				{logs.focused ? null : ` · ${keyHint(session.keys, 'logs', openScope(state.ui.pane))} focuses the logs`}
			</Text>
			<Box flexDirection="column" height={bodyRows}>
				{shown.length === 0 ? (
					<Text dimColor> {logs.filterMode && matcher?.ok ? 'No line matches the search' : 'No log lines yet'}</Text>
				) : (
					shown.map(({seq, line}) => {
						const name = prefixOf(line);
						return (
							<LogRow
								key={seq}
								line={line}
								prefix={several ? name.slice(0, nameWidth).padEnd(nameWidth) : undefined}
								prefixColor={several ? containerColour(name) : undefined}
								timestamps={logs.timestamps}
								dated={dated}
								wrap={logs.wrap}
								ranges={rangesOf(line.text)}
								current={seq === logs.current}
								width={textWidth}
								colours={logs.colours}
								fetchKey={fetchKey}
							/>
						);
					})
				)}
			</Box>
			{logs.prompt ? (
				<LineInput
					label={promptLabels[logs.prompt.kind]}
					editor={logs.prompt.editor}
					hint={promptHints(session.keys)[logs.prompt.kind]}
				/>
			) : null}
		</Box>
	);
}
