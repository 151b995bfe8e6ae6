// --filter: parsing docker's key=value syntax, and deciding locally whether a container is in scope.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {eventFilters, FilterError, filtersQuery, matchesScope, parseFilters} from '../../source/docker/filters.js';

describe('parseFilters', () => {
	it('groups repeated keys, keeping = inside the value', () => {
		assert.deepEqual(parseFilters(['label=team=web', 'label=tier', 'name=^api', 'status=running']), {
			label: ['team=web', 'tier'],
			name: ['^api'],
			status: ['running'],
		});
	});

	it('no filters is an empty object', () => assert.deepEqual(parseFilters([]), {}));

	it('rejects text without key=value, saying what was expected', () => {
		for (const spec of ['label', '=web', 'label=', '   =x']) {
			assert.throws(
				() => parseFilters([spec]),
				(error: unknown) => error instanceof FilterError && error.message.includes(`--filter "${spec}": expected key=value`),
				spec,
			);
		}
	});

	it('rejects unknown keys, naming them', () => {
		assert.throws(
			() => parseFilters(['colour=red']),
			(error: unknown) => {
				return error instanceof FilterError && /unknown filter "colour"/.test(error.message);
			},
		);
	});
});

describe('eventFilters and filtersQuery', () => {
	it('passes label filters to /events and always asks for container events only', () => {
		assert.deepEqual(eventFilters(parseFilters(['label=a=1', 'name=x'])), {type: ['container'], label: ['a=1']});
		assert.deepEqual(eventFilters(parseFilters(['name=x'])), {type: ['container']});
	});

	it('encodes filters as the API query parameter', () => {
		assert.equal(decodeURIComponent(filtersQuery({label: ['a=1']})), '{"label":["a=1"]}');
	});
});

describe('matchesScope', () => {
	const container = {name: 'api-1', labels: {team: 'web', tier: ''}};

	it('label key: the container has the label, whatever its value', () => {
		assert.equal(matchesScope(parseFilters(['label=team']), container), true);
		assert.equal(matchesScope(parseFilters(['label=tier']), container), true, 'an empty value still counts');
		assert.equal(matchesScope(parseFilters(['label=owner']), container), false);
	});

	it('label key=value: the value must be equal', () => {
		assert.equal(matchesScope(parseFilters(['label=team=web']), container), true);
		assert.equal(matchesScope(parseFilters(['label=team=db']), container), false);
		assert.equal(matchesScope(parseFilters(['label=team=we']), container), false, 'not a prefix match');
	});

	it('several labels must all match', () => {
		assert.equal(matchesScope(parseFilters(['label=team=web', 'label=tier']), container), true);
		assert.equal(matchesScope(parseFilters(['label=team=web', 'label=owner']), container), false);
	});

	it('name: a regular expression against "/name", any one of several', () => {
		assert.equal(matchesScope(parseFilters(['name=api']), container), true);
		assert.equal(matchesScope(parseFilters(['name=^/api-\\d$']), container), true);
		assert.equal(matchesScope(parseFilters(['name=^api']), container), false, 'the engine matches against "/api-1"');
		assert.equal(matchesScope(parseFilters(['name=db', 'name=api']), container), true);
		assert.equal(matchesScope(parseFilters(['name=db']), container), false);
	});

	it('a name that is no valid regular expression is matched as text', () => {
		assert.equal(matchesScope(parseFilters(['name=api-1(']), {name: 'api-1(x', labels: {}}), true);
		assert.equal(matchesScope(parseFilters(['name=api-1(']), container), false);
	});

	it('label and name together', () => {
		assert.equal(matchesScope(parseFilters(['label=team=web', 'name=api']), container), true);
		assert.equal(matchesScope(parseFilters(['label=team=web', 'name=db']), container), false);
	});

	it('is undefined when only the engine can tell', () => {
		assert.equal(matchesScope(parseFilters(['status=running']), container), undefined);
		assert.equal(matchesScope(parseFilters(['ancestor=busybox']), container), undefined);
	});

	it('an empty scope holds everything', () => assert.equal(matchesScope({}, container), true));
});
