package lab.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records turned into maps for the templates, once per stored run. Why: Thymeleaf's OGNL spends
 * most of a large page's time on method calls ({@code ${row.label()}} is a reflective call plus
 * Thymeleaf's per-call type check), while {@code ${row.label}} on a map is a hash lookup — the run
 * page with 200 results went from ~13 ms to a few ms of CPU. Lists are converted element-wise;
 * strings, numbers, booleans and null pass through; other objects are left as they are.
 */
public final class TemplateModel {

    private TemplateModel() {
    }

    public static Object of(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Record r) {
            RecordComponent[] components = r.getClass().getRecordComponents();
            Map<String, Object> map = new HashMap<>(components.length * 2);
            for (RecordComponent c : components) {
                try {
                    c.getAccessor().setAccessible(true);
                    map.put(c.getName(), of(c.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getName(), e);
                }
            }
            return map;
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) {
                out.add(of(o));
            }
            return out;
        }
        return value;
    }
}
