package org.vigil.stix;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a type table says of one object type, embedded object or extension: its properties and their kinds,
 * its object-level rules, the properties it should carry, and (for SCOs) those that make up its id.
 */
record Shape(String name, String category, Map<String, Property> properties, List<Rule> rules,
             List<String> recommended, List<String> idContributing, Set<String> on) {

    /** One property: its kind and whether the specification requires it. */
    record Property(String name, Kind kind, boolean required) {
    }
}
