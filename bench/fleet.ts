// The containers a benchmark makes: one random label per run, so cleanup removes exactly these.
import {randomBytes} from 'node:crypto';
import Docker from 'dockerode';
import {TEST_IMAGE} from '../test/helpers/engine-status.js';

export const docker = new Docker();

export type Fleet = {
	/** label=value, for --filter and list filters. */
	readonly label: string;
	readonly labelValue: string;
	/** Creates and starts a labelled `sleep` container. */
	readonly createRunning: (name: string) => Promise<void>;
};

export function createFleet(): Fleet {
	const labelValue = randomBytes(4).toString('hex');
	return {
		label: `dockpit.bench=${labelValue}`,
		labelValue,
		async createRunning(name) {
			const container = await docker.createContainer({
				name,
				Image: TEST_IMAGE,
				Cmd: ['sleep', '3600'],
				Labels: {'dockpit.bench': labelValue},
				StopTimeout: 1,
			});
			await container.start();
		},
	};
}
