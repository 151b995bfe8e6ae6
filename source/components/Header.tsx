import {Box, Text} from 'ink';
import type {EngineInfo} from '../state/core/app.js';
import type {ContainerCounts} from '../state/containers/containers.js';
import {headerLine, type HeaderPart} from '../state/core/header-line.js';
import type {EngineConnection} from '../state/core/engines.js';

type Props = {
	/** The engine being shown. */
	readonly engine: EngineInfo;
	/** Containers per state group, within the scope. */
	readonly counts: ContainerCounts;
	/** --read-only: the header says READ-ONLY, whatever the width. */
	readonly readOnly?: boolean;
	/** The terminal's width; what does not fit is left out in order (header-line.ts), never the scope. */
	readonly width?: number;
};

const connectionColors: Readonly<Record<EngineConnection, string>> = {
	connected: 'green',
	reconnecting: 'yellow',
	unreachable: 'red',
};

function Part({part}: {readonly part: HeaderPart}) {
	switch (part.kind) {
		case 'brand':
			return (
				<Text bold color="cyan">
					{part.text}
				</Text>
			);
		case 'readOnly':
			return (
				<Text bold color="red">
					{part.text}
				</Text>
			);
		case 'endpoint':
			return <Text>{part.text}</Text>;
		case 'context':
			return <Text color="blue">{part.text}</Text>;
		case 'version':
			return <Text dimColor>{part.text}</Text>;
		case 'scope':
			return <Text color="magenta">{part.text}</Text>;
		case 'engine': {
			// The name as it is, the state in the connection's colour.
			const state = part.engine?.state ?? '';
			return (
				<Text>
					{part.text.slice(0, part.text.length - state.length)}
					<Text color={part.engine ? connectionColors[part.engine.connection] : undefined}>{state}</Text>
				</Text>
			);
		}
	}
}

/** One line: where dockpit is connected, the engine version, the scope, read-only, and how many containers are in each state. */
export function Header({engine, counts, readOnly = false, width = 200}: Props) {
	const line = headerLine(width, engine, counts, readOnly);
	return (
		<Box justifyContent="space-between">
			<Text wrap="truncate-end">
				{line.left.map((part) => (
					<Part key={part.engine ? `engine ${part.engine.key}` : part.kind} part={part} />
				))}
			</Text>
			{line.counts.running === '' ? null : (
				<Box flexShrink={0}>
					<Text>
						{' '}
						<Text color="green">{line.counts.running}</Text> <Text color="yellow">{line.counts.paused}</Text>{' '}
						<Text dimColor>{line.counts.stopped}</Text>
					</Text>
				</Box>
			)}
		</Box>
	);
}
