package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Filter;
import org.junit.jupiter.api.Test;

class IndexedUserIdLookupTest {

    private final IndexedUserIdLookup lookup = new IndexedUserIdLookup("sAMAccountName");

    @Test
    void dropsTheAtSubstringBranchOfParleysLookup() throws Exception {
        Filter parley = Filter.create("(&(objectClass=person)(|(sAMAccountName=user5)(sAMAccountName=user5@*)))");
        assertThat(lookup.simplify(parley)).isEqualTo(Filter.create("(&(objectClass=person)(sAMAccountName=user5))"));
    }

    @Test
    void leavesOtherFiltersAlone() throws Exception {
        for (String f : new String[] {"(objectClass=person)", "(|(mail=a@*)(cn=b))", "(|(sAMAccountName=a*)(cn=b))",
                "(&(objectClass=person)(sAMAccountName=*x@*))"}) {
            Filter filter = Filter.create(f);
            assertThat(lookup.simplify(filter)).isSameAs(filter);
        }
    }
}
