using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OneStop.HubConsole.Localisation;

namespace OneStop.HubConsole.Tests;

/// <summary>A bunit context as the console runs: an interactive server circuit, Vietnamese words.</summary>
public abstract class ConsoleTestContext : BunitContext
{
    protected ConsoleTestContext() => Services.AddSingleton<ConsoleLoc>();

    /// <summary>Renders a page in an interactive server circuit (set last: the renderer freezes the services).</summary>
    protected IRenderedComponent<TPage> RenderInteractive<TPage>()
        where TPage : IComponent
    {
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<TPage>();
    }

    /// <summary>As above, with the page's parameters (a route value such as a procedure code).</summary>
    protected IRenderedComponent<TPage> RenderInteractive<TPage>(Action<ComponentParameterCollectionBuilder<TPage>> parameters)
        where TPage : IComponent
    {
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render(parameters);
    }
}
