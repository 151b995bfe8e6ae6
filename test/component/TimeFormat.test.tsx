// The config's timeFormat reaches the lists through TimeFormatContext: with "iso" the containers and images
// tables show moments, not "ago"; without a provider they keep the relative wording. 100 columns wide, as
// ink-testing-library draws.
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import type {ReactNode} from 'react';
import {ContainerList} from '../../source/components/ContainerList.js';
import {ResourceList} from '../../source/components/ResourceList.js';
import {TimeFormatContext} from '../../source/hooks/use-time-format.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import {initialResources, resourcesReducer} from '../../source/state/resources/resources.js';
import {waitForFrame} from '../helpers/ink.js';
import {makeContainer, NOW} from '../helpers/fixtures.js';

const keys = createKeyMap();

afterEach(cleanup);

const HOUR = 3_600_000;

const rows = [
	makeContainer({id: 'a', name: 'api', state: 'running', startedAt: NOW - HOUR, createdAt: NOW - 2 * HOUR}),
	makeContainer({id: 'b', name: 'job', state: 'exited', exitCode: 3, finishedAt: NOW - 3 * HOUR, createdAt: NOW - 4 * HOUR}),
];

const containers = (
	<ContainerList rows={rows} selectedIndex={0} height={5} width={100} now={NOW} loaded={true} filtered={false} keys={keys} />
);

const iso = (children: ReactNode) => <TimeFormatContext.Provider value="iso">{children}</TimeFormatContext.Provider>;

describe('timeFormat in the lists', () => {
	it('the containers table shows ISO moments in STATUS and CREATED', async () => {
		const text = await waitForFrame(render(iso(containers)), 'api');
		const line = (name: string) => text.split('\n').find((row) => row.includes(name)) ?? '';
		assert.match(line('api'), /Up since 2026-01-15T11:00:00Z\s.*2026-01-15T10:00:00Z$/);
		assert.match(line('job'), /Exited \(3\) 2026-01-15T09:00:00Z\s.*2026-01-15T08:00:00Z$/);
		assert.doesNotMatch(text, / ago/);
	});

	it('without the setting the same table keeps the relative wording', async () => {
		const text = await waitForFrame(render(containers), 'api');
		assert.match(text, /Up About an hour\s.*2h ago/);
		assert.match(text, /Exited \(3\) 3 hours ago\s.*4h ago/);
	});

	it('the images table shows when each image was created', async () => {
		const resources = resourcesReducer(initialResources, {
			type: 'resources/images',
			rows: [
				{
					key: 'sha256:0123456789abcdef web:1',
					id: 'sha256:0123456789abcdef',
					reference: 'web:1',
					tagCount: 1,
					dangling: false,
					size: 5_000_000,
					createdAt: NOW - 26 * HOUR,
					usedBy: [],
				},
			],
		});
		const text = await waitForFrame(
			render(iso(<ResourceList pane="images" resources={resources} height={6} width={100} now={NOW} keys={keys} />)),
			'web:1',
		);
		assert.match(text, /CREATED/);
		assert.match(text.split('\n').find((row) => row.includes('web:1')) ?? '', /2026-01-14T10:00:00Z/);
	});
});
