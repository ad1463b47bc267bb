package org.parley.server.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.parley.server.core.StanzaErrorException;
import org.parley.server.testing.TestXml;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.StanzaErrorCondition;

class RegistrationFormsTest {

    @Test
    void registrationFormHasInstructionsAndEmptyFields() {
        Element form = RegistrationForms.registrationForm("Choose a username and password.");
        assertThat(form.toXml()).isEqualTo("<query xmlns=\"jabber:iq:register\"><instructions>Choose a username and password."
                + "</instructions><username/><password/></query>");
    }

    @Test
    void registeredFormNeverShowsAPassword() {
        Element form = RegistrationForms.registeredForm("alice");
        assertThat(form.toXml()).isEqualTo(
                "<query xmlns=\"jabber:iq:register\"><registered/><username>alice</username><password/></query>");
    }

    @Test
    void parsesCredentialsAndRemove() {
        assertThat(RegistrationForms.parseSet(TestXml.parse(
                "<query xmlns='jabber:iq:register'><username> bill </username><password>Calliope</password></query>")))
                .isEqualTo(new RegistrationRequest.Credentials("bill", "Calliope"));
        assertThat(RegistrationForms.parseSet(TestXml.parse("<query xmlns='jabber:iq:register'><remove/></query>")))
                .isEqualTo(new RegistrationRequest.Remove());
    }

    @Test
    void refusesIncompleteOrMixedQueries() {
        for (String xml : new String[] {
                "<query xmlns='jabber:iq:register'/>",
                "<query xmlns='jabber:iq:register'><username>bill</username></query>",
                "<query xmlns='jabber:iq:register'><username/><password>x</password></query>",
                "<query xmlns='jabber:iq:register'><remove/><password>x</password></query>",
                "<query xmlns='urn:other'><remove/></query>"}) {
            assertThatThrownBy(() -> RegistrationForms.parseSet(TestXml.parse(xml))).as(xml)
                    .isInstanceOfSatisfying(StanzaErrorException.class,
                            e -> assertThat(e.condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST));
        }
        assertThat(Namespaces.REGISTER).isEqualTo("jabber:iq:register");
    }
}
