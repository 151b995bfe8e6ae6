import {Box, Text} from 'ink';
import type {EngineInfo} from '../state/core/app.js';
import type {ContainerCounts} from '../state/containers/containers.js';

type Props = {
	/** The engine being shown. */
	readonly engine: EngineInfo;
	/** Containers per state group, within the scope. */
	readonly counts: ContainerCounts;
};

/** One line: where dockpit is connected, the engine version, and how many containers are in each state. */
export function Header({engine, counts}: Props) {
	return (
		<Box justifyContent="space-between">
			<Text wrap="truncate-end">
				<Text bold color="cyan">
					dockpit
				</Text>{' '}
				<Text>{engine.endpoint}</Text>
				{engine.context ? <Text color="blue"> (context {engine.context})</Text> : null}
				{engine.version ? <Text dimColor> · Engine {engine.version}</Text> : null}
				{engine.scope.length > 0 ? <Text color="magenta"> · scope {engine.scope.join(' ')}</Text> : null}
			</Text>
			<Box flexShrink={0}>
				<Text>
					{' '}
					<Text color="green">● {counts.running} running</Text> <Text color="yellow">◐ {counts.paused} paused</Text>{' '}
					<Text dimColor>○ {counts.stopped} stopped</Text>
				</Text>
			</Box>
		</Box>
	);
}
