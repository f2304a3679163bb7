using Microsoft.AspNetCore.Http.HttpResults;
using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;
using static Sanus.Web.Features.Contacts.ContactRules;

namespace Sanus.Web.Features.Contacts;

public static class ContactsApi
{
    public static void MapContactsApi(this RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/contacts").WithTags("Contacts");
        contacts.MapGet("/", List).WithSummary("Contacts, filtered and sorted on the server, keyset paged.");
        contacts.MapGet("/{id:guid}", Get).WithSummary("One contact; its version is the ETag.");
        contacts.MapPost("/", Create).RequireCapability(Capabilities.ContactsEdit)
            .WithSummary("Create a contact (first and last name, email, job title and a company required). Same email answers 409; a likely duplicate answers 409 with candidates unless confirm=true.");
        contacts.MapPut("/{id:guid}", Update).RequireCapability(Capabilities.ContactsEdit).WithSummary("Replace a contact's fields; If-Match honoured (412 when stale).");
        contacts.MapDelete("/{id:guid}", Archive).RequireCapability(Capabilities.ContactsEdit).WithSummary("Archive a contact.");
        contacts.MapPost("/{id:guid}/restore", Restore).RequireCapability(Capabilities.ContactsEdit).WithSummary("Restore an archived contact.");
    }

    private static async Task<Ok<ContactList.Page>> List(
        SanusDb db, string? q, Guid? companyId, string? lifecycleStage, string? ownerId, bool? isKol, bool? includeArchived, string? sort, int? limit, string? cursor) =>
        TypedResults.Ok(await ContactList.FindAsync(db, new ContactList.Filter(q, companyId, lifecycleStage, ownerId, isKol, includeArchived ?? false, sort), Paging.Limit(limit), cursor));

    private static async Task<Ok<ContactView>> Get(Guid id, SanusDb db, HttpResponse response)
    {
        var contact = await GetAsync(db, id);
        response.Headers.ETag = Versioning.ETag(contact.Version);
        return TypedResults.Ok(ContactView.Of(contact));
    }

    private static async Task<Created<ContactView>> Create(ContactInput input, bool? confirm, SanusDb db, HttpResponse response)
    {
        var contact = await CreateAsync(db, input, confirm ?? false);
        response.Headers.ETag = Versioning.ETag(contact.Version);
        return TypedResults.Created($"/api/v1/contacts/{contact.Id}", ContactView.Of(contact));
    }

    private static async Task<Ok<ContactView>> Update(Guid id, ContactInput input, SanusDb db, HttpRequest request, HttpResponse response)
    {
        var contact = await UpdateAsync(db, id, input, Versioning.IfMatch(request));
        response.Headers.ETag = Versioning.ETag(contact.Version);
        return TypedResults.Ok(ContactView.Of(contact));
    }

    private static async Task<Ok<ContactView>> Archive(Guid id, SanusDb db, TimeProvider clock, HttpRequest request) =>
        TypedResults.Ok(ContactView.Of(await SetArchivedAsync(db, clock, id, archived: true, Versioning.IfMatch(request))));

    private static async Task<Ok<ContactView>> Restore(Guid id, SanusDb db, TimeProvider clock, HttpRequest request) =>
        TypedResults.Ok(ContactView.Of(await SetArchivedAsync(db, clock, id, archived: false, Versioning.IfMatch(request))));
}
