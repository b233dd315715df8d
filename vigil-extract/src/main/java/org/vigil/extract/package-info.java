/**
 * News article to STIX 2.1 report: {@link org.vigil.extract.ArticleReader} reads articles,
 * {@link org.vigil.extract.Extractor} turns each into an {@link org.vigil.extract.Extraction}, and
 * {@link org.vigil.extract.NearDuplicateIndex} recognises republished copies. Everything under
 * {@code org.vigil.extract.internal} is not for use outside this module.
 */
package org.vigil.extract;
