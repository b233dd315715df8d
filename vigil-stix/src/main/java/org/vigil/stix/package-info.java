/** STIX 2.1: immutable objects, the JSON codec, the validator and the patterning language. */
package org.vigil.stix;
