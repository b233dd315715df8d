/** The extraction pipeline's parts; not for use outside vigil-extract, and may change at any time. */
package org.vigil.extract.internal;
