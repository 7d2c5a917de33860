import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0004 from './0004_billing';
import * as m0006 from './0006_export_order';
import * as m0010 from './0010_purchasing';
import * as m0011 from './0011_team_counting';
import * as m0012 from './0012_download_link_once';
import * as m0013 from './0013_refresh_family_start';
import * as m0015 from './0015_month_review';
import * as m0017 from './0017_count_weight';
import * as m0018 from './0018_purchase_orders';
import * as m0019 from './0019_count_clears';
import * as m0020 from './0020_order_backorders';

/** Ordered, in-code migrations: bundled with the server, no filesystem scan. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0004_billing': m0004,
  '0006_export_order': m0006,
  '0010_purchasing': m0010,
  '0011_team_counting': m0011,
  '0012_download_link_once': m0012,
  '0013_refresh_family_start': m0013,
  '0015_month_review': m0015,
  '0017_count_weight': m0017,
  '0018_purchase_orders': m0018,
  '0019_count_clears': m0019,
  '0020_order_backorders': m0020,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
