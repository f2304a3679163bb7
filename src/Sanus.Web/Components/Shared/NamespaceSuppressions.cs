using System.Diagnostics.CodeAnalysis;

// "Shared" is the Blazor template's folder name for UI pieces used by several features; the namespace is never consumed from VB.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:Sanus.Web.Components.Shared", Justification = "Blazor convention; C# only.")]
