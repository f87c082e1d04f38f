// Area and item codes as the events of CONTRACT.md write them.

/** a regency or city, e.g. `61.71` */
export const REGENCY = /^\d{2}\.\d{2}$/;
/** a district (kecamatan), e.g. `61.71.01` */
export const DISTRICT = /^\d{2}\.\d{2}\.\d{2}$/;
/** an item of aid, e.g. `FOOD_PACK` */
export const ITEM_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
