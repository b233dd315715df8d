/**
 * Vigil's persistence: every version of every STIX object per collection, collections and API roots,
 * principals, TAXII status resources and the audit log, behind one {@link org.vigil.store.Store} interface with
 * SQLite and PostgreSQL implementations.
 */
package org.vigil.store;
