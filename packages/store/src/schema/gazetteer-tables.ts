/** Row shapes of the gazetteer's tables (migration 0022, gazetteer-migration.ts; see gazetteer.ts). */

export interface GazetteerAddressesTable {
  jurisdiction_id: string;
  street_key: string;
  street: string;
  number: number;
  number_text: string;
  unit: string | null;
  postcode: string | null;
  lat: number;
  long: number;
}

export interface GazetteerStreetsTable {
  jurisdiction_id: string;
  street_key: string;
  name: string;
  lat: number;
  long: number;
}

export interface GazetteerTables {
  gazetteer_addresses: GazetteerAddressesTable;
  gazetteer_streets: GazetteerStreetsTable;
}
