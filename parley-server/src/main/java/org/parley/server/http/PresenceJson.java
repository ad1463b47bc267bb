package org.parley.server.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.server.presence.Availability;
import org.parley.server.richpresence.Headline;
import org.parley.server.richpresence.ManualStatus;
import org.parley.server.richpresence.PhoneState;
import org.parley.server.richpresence.PresenceView;
import org.parley.server.richpresence.UserInputs;

/** The JSON shapes of the Presence Web Service ({@code openapi.yaml}: Presence, Headline). */
final class PresenceJson {

    private PresenceJson() {
    }

    static Map<String, Object> headline(Headline h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jid", h.jid().toString());
        out.put("show", h.show());
        out.put("status", h.status());
        return out;
    }

    static Map<String, Object> view(PresenceView view) {
        Map<String, Object> out = headline(view.headline());
        UserInputs in = view.inputs();
        Map<String, Object> sources = new LinkedHashMap<>();
        List<Map<String, Object>> devices = new ArrayList<>();
        for (PresenceView.Device d : view.devices()) {
            Map<String, Object> device = new LinkedHashMap<>();
            device.put("resource", d.resource());
            device.put("show", d.show());
            device.put("status", d.status());
            device.put("priority", d.priority());
            device.put("idle", d.idle());
            devices.add(device);
        }
        sources.put("devices", devices);
        sources.put("manual", manual(in.manual()));
        Map<String, Object> phone = new LinkedHashMap<>();
        phone.put("state", in.phone().jsonName());
        Map<String, String> lines = new LinkedHashMap<>();
        for (Map.Entry<String, PhoneState> e : in.lines().entrySet()) {
            lines.put(e.getKey(), e.getValue().jsonName());
        }
        phone.put("lines", lines);
        sources.put("phone", phone);
        sources.put("calendar", in.calendar() == null ? "free" : in.calendar().jsonName());
        Map<String, Object> apps = new LinkedHashMap<>();
        for (Map.Entry<String, Availability> e : in.apps().entrySet()) {
            apps.put(e.getKey(), availability(e.getValue()));
        }
        sources.put("apps", apps);
        out.put("sources", sources);
        return out;
    }

    private static Map<String, Object> manual(ManualStatus manual) {
        if (manual == null) {
            return null;
        }
        Map<String, Object> out = availability(manual.availability());
        out.put("setBy", manual.setBy() == null ? null : manual.setBy().toString());
        return out;
    }

    private static Map<String, Object> availability(Availability a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("show", Headline.showName(a.show()));
        out.put("status", a.status());
        return out;
    }
}
