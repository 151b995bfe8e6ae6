// The framework floor of bench/side-by-side.ts' flood figure: Ink alone, bundled as dockpit bundles it (its
// esbuild plugins), drawing what dockpit's screen shows under the flood and nothing else. A list above and a
// footer that never change, a logs pane below with a new screen of flood lines at dockpit's pace for a flooded
// pane (floodFrameMs), and `t`, which turns the lines' timestamps on and off. Its frames go through
// dockpit's frame writer (source/app/terminal-output.ts), so it writes only the lines that changed, as dockpit
// does; Ink's own `incrementalRendering` drew this screen one line off after its first update. It reads no log
// and talks to no engine: timed under the same flood, it shows what Ink's frame of the same lines costs a key
// on this machine, before dockpit does anything of its own. `q` quits.
import {Box, Text, render, useApp, useInput, useStdout} from 'ink';
import {memo, useEffect, useState} from 'react';
import {dashboardStdout} from '../source/app/terminal-output.js';
import {floodFrameMs} from '../source/state/logs/log-pace.js';

/**
 * dockpit's screen at 160×45 with the logs pane open: 16 rows above the pane (header, tabs, column titles and
 * the list; here a header and 15 list rows), the pane's title, 24 log lines, and 4 rows below them (2 blank,
 * the footer, the row under the frame). The floor redraws as many lines on a `t` as dockpit does.
 */
const listRows = 15;
const otherRows = 6;

type Line = {readonly seq: number; readonly time: string; readonly text: string};

let written = 0;
const freshLines = (count: number): Line[] =>
	Array.from({length: count}, () => {
		written++;
		return {
			seq: written,
			time: new Date().toISOString().slice(11, 23),
			text: `flood ${written} the quick brown fox jumps over the lazy dog`,
		};
	});

type RowProps = {
	readonly line: Line;
	readonly timestamps: boolean;
};

const LogRow = memo(function LogRow({line, timestamps}: RowProps) {
	return (
		<Text wrap="truncate-end">
			{' '}
			{timestamps ? <Text dimColor>{line.time} </Text> : null}
			{line.text}
		</Text>
	);
});

function Floor() {
	const {exit} = useApp();
	const {stdout} = useStdout();
	const logRows = Math.max(1, stdout.rows - listRows - otherRows);
	const [lines, setLines] = useState(() => freshLines(logRows));
	const [timestamps, setTimestamps] = useState(false);
	useInput((input) => {
		if (input === 't') setTimestamps((shown) => !shown);
		if (input === 'q') exit();
	});
	useEffect(() => {
		const timer = setInterval(() => {
			setLines(freshLines(logRows));
		}, floodFrameMs);
		return () => {
			clearInterval(timer);
		};
	}, [logRows]);

	return (
		<Box flexDirection="column" height={stdout.rows - 1}>
			<Text bold>ink floor · 1 running</Text>
			{Array.from({length: listRows}, (_, index) => (
				<Text key={index} dimColor={index > 0}>
					{index === 0 ? '▶' : ' '} floor-{String(index).padStart(3, '0')} dockpit-test/busybox:latest running Up 3 minutes
				</Text>
			))}
			<Text bold>Logs: floor · following</Text>
			{lines.map((line) => (
				<LogRow key={line.seq} line={line} timestamps={timestamps} />
			))}
			<Text dimColor>t time q quit</Text>
		</Box>
	);
}

render(<Floor />, {stdout: dashboardStdout(process.stdout).stream, exitOnCtrlC: true, patchConsole: false, maxFps: 30});
