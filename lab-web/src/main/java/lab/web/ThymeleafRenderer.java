package lab.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Thymeleaf 3.1 behind Javalin's {@link FileRenderer}: {@code ctx.render("runs", model)} renders
 * {@code templates/runs.html} from the class path. Ours rather than a plugin because the Javalin 7
 * Thymeleaf module is not available here; it is one engine, cached templates, HTML mode, UTF-8.
 *
 * <p>Templates write every value with {@code th:text} or {@code th:attr}, escaped by the engine;
 * charts and flame graphs are SVG elements in templates too ({@code chart.html},
 * {@code compare-flame.html}), drawn from geometry computed in Java. Nothing reaches a page
 * unescaped ({@code th:utext} is not used).
 */
public final class ThymeleafRenderer implements FileRenderer {

    private final TemplateEngine engine = new TemplateEngine();

    public ThymeleafRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ThymeleafRenderer.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    @Override
    public String render(String template, Map<String, ?> model, Context ctx) {
        return render(template, model);
    }

    /** The page as a string, without a request (pages rendered once and cached). */
    public String render(String template, Map<String, ?> model) {
        org.thymeleaf.context.Context tc = new org.thymeleaf.context.Context(Locale.ROOT);
        model.forEach(tc::setVariable);
        return engine.process(template, tc);
    }
}
