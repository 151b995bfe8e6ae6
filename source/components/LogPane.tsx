import {Box, Text} from 'ink';
import {useEffect} from 'react';
import {useLogStream} from '../hooks/use-log-stream.js';
import {useSearchSteps} from '../hooks/use-search-steps.js';
import type {AppState} from '../state/core/app.js';
import {logMatcher, shownLines, spansDays} from '../state/logs/log-view.js';
import {containerColour, logTitle, type TitlePart} from '../state/logs/log-title.js';
import {hintText, type KeyMap, keyHint} from '../state/input/keymap.js';
import type {Session} from '../session/session.js';
import {LineInput} from './LineInput.js';
import {LogRow} from './LogRow.js';

type Props = {
	readonly state: AppState;
	readonly session: Session;
	/** Rows for the whole pane, title included. */
	readonly height: number;
	readonly width: number;
};

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

	const several = logs.targets.length > 1;
	const nameWidth = several
		? Math.min(16, Math.max(...logs.targets.map((id) => (containers.byId[id]?.name ?? id.slice(0, 12)).length)))
		: 0;
	const dated = logs.timestamps && spansDays(logs.buffer);
	const textWidth = Math.max(10, width - 1 - (several ? nameWidth + 3 : 0) - (logs.timestamps ? (dated ? 24 : 13) : 0));
	const shown = shownLines(logs, bodyRows, textWidth);
	const matcher = logMatcher(logs);
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
				{logs.focused ? null : ` · ${keyHint(session.keys, 'logs', 'containers')} focuses the logs`}
			</Text>
			<Box flexDirection="column" height={bodyRows}>
				{shown.length === 0 ? (
					<Text dimColor> {logs.filterMode && matcher?.ok ? 'No line matches the search' : 'No log lines yet'}</Text>
				) : (
					shown.map(({seq, line}) => {
						const name = containers.byId[line.source]?.name ?? line.source.slice(0, 12);
						return (
							<LogRow
								key={seq}
								line={line}
								prefix={several ? {name: name.slice(0, nameWidth).padEnd(nameWidth), color: containerColour(name)} : undefined}
								timestamps={logs.timestamps}
								dated={dated}
								wrap={logs.wrap}
								ranges={matcher?.ok ? matcher.ranges(line.text) : []}
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
