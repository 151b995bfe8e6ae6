import type {KeyMap} from '../state/input/keymap.js';
import type {ResourceDialog} from '../state/resources/resource-dialogs.js';
import {BulkConfirmDialog} from './BulkConfirmDialog.js';
import {BulkResultDialog} from './BulkResultDialog.js';
import {PruneDialog} from './PruneDialog.js';
import {RemoveResourceDialog} from './RemoveResourceDialog.js';

type Props = {
	readonly dialog: ResourceDialog;
	readonly keys: KeyMap;
	/** Lines the dialog takes (it covers the list). */
	readonly height: number;
	readonly width: number;
	readonly scope: readonly string[];
};

/** The open bulk, removal or prune dialog, in place of the list. */
export function ResourceDialogView({dialog, keys, height, width, scope}: Props) {
	switch (dialog.kind) {
		case 'bulkConfirm':
			return <BulkConfirmDialog dialog={dialog} keys={keys} height={height} width={width} />;
		case 'bulkResult':
			return <BulkResultDialog dialog={dialog} keys={keys} height={height} width={width} />;
		case 'removeResource':
			return <RemoveResourceDialog dialog={dialog} keys={keys} height={height} width={width} />;
		case 'prune':
			return <PruneDialog dialog={dialog} keys={keys} height={height} width={width} scope={scope} />;
	}
}
