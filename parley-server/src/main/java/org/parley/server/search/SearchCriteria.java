package org.parley.server.search;

/**
 * What a contact search asks for; null or blank fields are not constrained. Every given field
 * must match (AND), each as a case-insensitive "contains".
 */
public record SearchCriteria(String userId, String name, String email, String department) {

    public SearchCriteria {
        userId = clean(userId);
        name = clean(name);
        email = clean(email);
        department = clean(department);
    }

    public boolean isEmpty() {
        return userId == null && name == null && email == null && department == null;
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
